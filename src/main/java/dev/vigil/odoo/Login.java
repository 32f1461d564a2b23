package dev.vigil.odoo;

import java.util.Optional;

/**
 * What a protocol's authentication learnt: the user id, and the server version when the answer
 * carried it (session/authenticate does; common.login and json/2 do not).
 */
record Login(int uid, Optional<ServerVersion> version) {}
