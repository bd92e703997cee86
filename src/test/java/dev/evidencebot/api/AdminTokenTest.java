package dev.evidencebot.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AdminTokenTest {

    @Test
    void toStringHidesTheAdminToken() {
        AdminToken token = new AdminToken("s3cret-admin-token");

        assertFalse(token.toString().contains("s3cret-admin-token"), token.toString());
        assertEquals("AdminToken[***]", token.toString());
        assertEquals("AdminToken[none]", new AdminToken("").toString());
    }
}
