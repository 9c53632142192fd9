package dev.rackside.proxmox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rackside.proxmox.ProxmoxException;
import org.junit.jupiter.api.Test;

/// Each PVE error answer becomes the right typed error, reading the reason phrase first and the
/// body's `message` when the phrase is empty (PVE before http-server 5.2.0 sends no `message`).
class ErrorMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void parameterErrorsCarryPveMessagePerParameter() throws Exception {
        var e = ErrorMapper.map(400, "Parameter verification failed.",
                body("{\"data\":null,\"errors\":{\"vmid\":\"invalid format - value does not look like a valid VM ID\\n\"}}"), "POST", "/x");
        var p = assertInstanceOf(ProxmoxException.InvalidParameters.class, e);
        assertEquals("invalid format - value does not look like a valid VM ID", p.errors().get("vmid"));
        assertTrue(p.getMessage().contains("vmid: invalid format"));
    }

    @Test
    void permissionDeniedNamesPathAndPrivilege() {
        var e = ErrorMapper.map(403, "Permission check failed (/vms/100, VM.PowerMgmt)", null, "POST", "/x");
        var p = assertInstanceOf(ProxmoxException.PermissionDenied.class, e);
        assertEquals("/vms/100", p.path());
        assertEquals("VM.PowerMgmt", p.privilege());
    }

    @Test
    void permissionDeniedWithoutDetailsStillTyped() {
        var p = assertInstanceOf(ProxmoxException.PermissionDenied.class,
                ErrorMapper.map(403, "Permission check failed", null, "GET", "/x"));
        assertNull(p.path());
    }

    @Test
    void authenticationFailuresHaveNoBody() {
        assertInstanceOf(ProxmoxException.AuthenticationFailed.class, ErrorMapper.map(401, "No ticket", null, "GET", "/x"));
    }

    @Test
    void proxyPseudoStatusesMeanNodeUnreachable() {
        var e = assertInstanceOf(ProxmoxException.NodeUnreachable.class, ErrorMapper.map(595, "No route to host", null, "GET", "/x"));
        assertEquals(595, e.status());
        assertInstanceOf(ProxmoxException.NodeUnreachable.class, ErrorMapper.map(596, "Connection timed out", null, "GET", "/x"));
    }

    @Test
    void missingGuestConfigIsNotFound() {
        assertInstanceOf(ProxmoxException.NotFound.class, ErrorMapper.map(500,
                "Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist", null, "GET", "/x"));
    }

    @Test
    void otherFailuresKeepPveMessageAndFallBackToBodyMessage() throws Exception {
        var e = assertInstanceOf(ProxmoxException.OperationFailed.class,
                ErrorMapper.map(500, "", body("{\"data\":null,\"message\":\"VM 100 not running\\n\"}"), "POST", "/x"));
        assertEquals("VM 100 not running", e.getMessage());
        assertEquals(500, e.status());
    }

    @Test
    void notImplementedMeansThisVersionLacksTheEndpoint() {
        var e = assertInstanceOf(ProxmoxException.UnexpectedAnswer.class,
                ErrorMapper.map(501, "Method 'GET /cluster/bulk-action' not implemented", null, "GET", "/cluster/bulk-action"));
        assertTrue(e.getMessage().contains("does not offer GET /cluster/bulk-action"));
    }
}
