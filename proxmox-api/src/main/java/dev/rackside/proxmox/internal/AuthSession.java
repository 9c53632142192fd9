package dev.rackside.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.proxmox.Credentials;
import dev.rackside.proxmox.LoginOutcome;
import dev.rackside.proxmox.ProxmoxException;
import dev.rackside.proxmox.Secret;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import okhttp3.Request;

/// Holds who we are: an API token (stateless) or a ticket with its CSRF token, renewed well before
/// PVE's 2-hour expiry by posting the current ticket as the password (API-NOTES §2.1).
public final class AuthSession implements HttpTransport.Authorizer {
    /// PVE tickets live 2 h; renewing after 1 h leaves margin for clock skew and sleeping laptops.
    public static final Duration RENEW_AFTER = Duration.ofHours(1);
    private static final HttpTransport.Authorizer ANONYMOUS = (rb, write) -> { };

    private final Credentials credentials;
    private final HttpTransport transport;
    private final InstantSource clock;

    private Ticket ticket;          // guarded by this
    private Ticket pendingTfa;      // half ticket while a second factor is outstanding; guarded by this

    private record Ticket(Secret value, Secret csrf, Instant obtained) {
    }

    public AuthSession(Credentials credentials, HttpTransport transport, InstantSource clock) {
        this.credentials = credentials;
        this.transport = transport;
        this.clock = clock;
    }

    /// Logs in with the password (tickets), or checks the token by reading `/version`.
    public synchronized LoginOutcome login() throws ProxmoxException {
        return switch (credentials) {
            case Credentials.ApiToken token -> {
                transport.execute("GET", "/version", Params.of(), this);
                yield new LoginOutcome.LoggedIn(token.userId(), "");
            }
            case Credentials.Password password -> {
                Params p = Params.of().add("username", password.userId()).add("password", password.password().reveal());
                yield acceptTicket(transport.execute("POST", "/access/ticket", p, ANONYMOUS).data());
            }
        };
    }

    /// Sends the operator's second factor for the challenge [#login()] returned.
    public synchronized LoginOutcome completeLogin(LoginOutcome.SecondFactor factor) throws ProxmoxException {
        if (pendingTfa == null) {
            throw new IllegalStateException("no second factor is pending: call login() first");
        }
        Params p = Params.of().add("username", credentials.userId())
                .add("tfa-challenge", pendingTfa.value().reveal())
                .add("password", factor.wire());
        try {
            return acceptTicket(transport.execute("POST", "/access/ticket", p, ANONYMOUS).data());
        } catch (ProxmoxException.AuthenticationFailed e) {
            throw new ProxmoxException.AuthenticationFailed("the second factor was not accepted");
        }
    }

    /// After the server refused our ticket (its key rotated, it restarted, our clock is wrong): drop
    /// the ticket and log in again with the password. False when that is impossible (token, TFA).
    public synchronized boolean relogin() throws ProxmoxException {
        if (!(credentials instanceof Credentials.Password) || ticket == null) {
            return false;
        }
        ticket = null;
        return login() instanceof LoginOutcome.LoggedIn;
    }

    public synchronized boolean loggedIn() {
        return credentials instanceof Credentials.ApiToken || ticket != null;
    }

    @Override
    public void authorize(Request.Builder request, boolean write) throws ProxmoxException {
        if (credentials instanceof Credentials.ApiToken token) {
            // API tokens need no CSRF token: they are stateless (API-NOTES §2.1).
            request.header("Authorization", "PVEAPIToken=" + token.fullTokenId() + "=" + token.secret().reveal());
            return;
        }
        Ticket t = currentTicket();
        request.header("Cookie", "PVEAuthCookie=" + t.value().reveal());
        if (write) {
            request.header("CSRFPreventionToken", t.csrf().reveal());
        }
    }

    private synchronized Ticket currentTicket() throws ProxmoxException {
        if (ticket == null) {
            if (pendingTfa != null) {
                throw new ProxmoxException.AuthenticationFailed("a second factor is still required");
            }
            if (login() instanceof LoginOutcome.SecondFactorRequired) {
                throw new ProxmoxException.AuthenticationFailed("a second factor is required; log in interactively");
            }
        } else if (!clock.instant().isBefore(ticket.obtained().plus(RENEW_AFTER))) {
            renew();
        }
        return ticket;
    }

    private void renew() throws ProxmoxException {
        Params p = Params.of().add("username", credentials.userId()).add("password", ticket.value().reveal());
        try {
            acceptTicket(transport.execute("POST", "/access/ticket", p, ANONYMOUS).data());
        } catch (ProxmoxException.AuthenticationFailed expired) {
            // The ticket ran out (laptop asleep for hours): start over with the password if TFA allows it.
            ticket = null;
            if (login() instanceof LoginOutcome.SecondFactorRequired) {
                throw new ProxmoxException.AuthenticationFailed("the session expired and a second factor is required");
            }
        }
    }

    private LoginOutcome acceptTicket(JsonNode data) throws ProxmoxException {
        String value = Lenient.text(data, "ticket");
        String csrf = Lenient.text(data, "CSRFPreventionToken");
        if (value.isEmpty()) {
            throw new ProxmoxException.UnexpectedAnswer("login answer has no ticket", null);
        }
        if (Lenient.bool(data, "NeedTFA") || value.startsWith("PVE:!tfa!")) {
            ticket = null;
            pendingTfa = new Ticket(Secret.of(value), Secret.of(csrf), clock.instant());
            return new LoginOutcome.SecondFactorRequired(TfaChallenges.parse(value));
        }
        pendingTfa = null;
        ticket = new Ticket(Secret.of(value), Secret.of(csrf), clock.instant());
        String user = Lenient.text(data, "username");
        return new LoginOutcome.LoggedIn(user.isEmpty() ? credentials.userId() : user, Lenient.text(data, "clustername"));
    }
}
