#!/usr/bin/env python3
"""Bearer-token issuer for the token-auth test registry (CNCF distribution 2.8.2).

The registry only *validates* tokens, so the test harness needs something that
issues them. This is a deliberately small issuer for tests, not for production:

  * GET  /token?service=S&scope=repository:NAME:pull,push[&scope=...]
    (Docker token protocol; Basic auth optional, as skopeo/docker send it)
  * POST /token with form grant_type=password&username=&password=&scope=&service=
    (OAuth2 password grant, as containerd-style clients send it)

Known users get every action they ask for; anonymous callers get `pull` only,
so tests can check both "anonymous pull works" and "anonymous push is denied".
Wrong credentials get 401.

Usage:
  token_issuer.py --generate --key K --cert C      # write EC P-256 key + self-signed CA cert, exit
  token_issuer.py --port 5002 --key K --cert C --users-file users.json

Every option can also come from the environment (BERTH_ISSUER_PORT, _KEY, _CERT,
_USERS_FILE, _SERVICE, _ISSUER, _TTL). users.json is {"user": "password", ...}.
"""
import argparse
import base64
import datetime
import hmac
import json
import os
import sys
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID


def env(name, default=None):
    return os.environ.get("BERTH_ISSUER_" + name, default)


def generate(key_path, cert_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "berth-test-issuer")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=30))
        # distribution puts this cert in its root pool, so it has to be a CA.
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    # The key is a secret of this run only; keep it private anyway.
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM,
                                  serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    with open(cert_path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Issuer:
    def __init__(self, key_path, cert_path, users, service, issuer, ttl):
        with open(key_path, "rb") as f:
            self.key = serialization.load_pem_private_key(f.read(), None)
        with open(cert_path, "rb") as f:
            cert = x509.load_pem_x509_certificate(f.read())
        # distribution 2.8.2 finds the signing key through x5c, chained to rootcertbundle.
        self.x5c = base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()
        self.users, self.service, self.issuer, self.ttl = users, service, issuer, ttl

    def check_user(self, user, password):
        known = self.users.get(user)
        return known is not None and hmac.compare_digest(known.encode(), password.encode())

    def grant(self, subject, scopes):
        access = []
        for scope in scopes:
            for one in scope.split():
                # type:name:actions, and a name may itself hold ':' (host:port/repo)
                parts = one.split(":")
                if len(parts) < 3:
                    continue
                typ, name, actions = parts[0], ":".join(parts[1:-1]), parts[-1].split(",")
                if not subject:
                    actions = [a for a in actions if a == "pull"]
                access.append({"type": typ, "name": name, "actions": actions})
        return access

    def token(self, subject, access):
        now = int(time.time())
        header = {"typ": "JWT", "alg": "ES256", "x5c": [self.x5c]}
        claims = {"iss": self.issuer, "sub": subject, "aud": self.service,
                  "exp": now + self.ttl, "nbf": now - 10, "iat": now,
                  "jti": str(uuid.uuid4()), "access": access}
        signing_input = b64u(json.dumps(header).encode()) + "." + b64u(json.dumps(claims).encode())
        der = self.key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        # JWS wants raw r||s, not the DER that cryptography returns.
        return signing_input + "." + b64u(r.to_bytes(32, "big") + s.to_bytes(32, "big"))


def make_handler(issuer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def reply(self, status, obj, extra_headers=()):
            body = json.dumps(obj).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for k, v in extra_headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def unauthorized(self):
            self.reply(401, {"errors": [{"code": "UNAUTHORIZED", "message": "bad credentials"}]},
                       [("WWW-Authenticate", 'Basic realm="berth-test-issuer"')])

        def issue(self, params, user, password):
            service = params.get("service", [None])[0]
            if service is not None and service != issuer.service:
                # Real issuers refuse a foreign audience; catching a client sending
                # the wrong service here is cheaper than debugging a later 401.
                self.reply(400, {"errors": [{"code": "DENIED",
                                             "message": f"unknown service {service!r}"}]})
                return
            subject = ""
            if user is not None:
                if not issuer.check_user(user, password or ""):
                    self.unauthorized()
                    return
                subject = user
            tok = issuer.token(subject, issuer.grant(subject, params.get("scope", [])))
            now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            self.reply(200, {"token": tok, "access_token": tok,
                             "expires_in": issuer.ttl, "issued_at": now})

        def do_GET(self):
            url = urlparse(self.path)
            if url.path != "/token":
                self.reply(404, {"errors": [{"code": "NOT_FOUND", "message": url.path}]})
                return
            user = password = None
            auth = self.headers.get("Authorization", "")
            if auth.startswith("Basic "):
                try:
                    user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
                except Exception:
                    self.unauthorized()
                    return
            self.issue(parse_qs(url.query), user, password)

        def do_POST(self):
            url = urlparse(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode())
            if url.path != "/token":
                self.reply(404, {"errors": [{"code": "NOT_FOUND", "message": url.path}]})
                return
            if form.get("grant_type", [""])[0] != "password":
                self.reply(400, {"error": "unsupported_grant_type"})
                return
            self.issue(form, form.get("username", [None])[0], form.get("password", [""])[0])

        def log_message(self, fmt, *args):
            sys.stderr.write("%s %s\n" % (self.log_date_time_string(), fmt % args))
            sys.stderr.flush()

    return Handler


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--generate", action="store_true", help="write key and cert, then exit")
    p.add_argument("--host", default=env("HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(env("PORT", "5002")))
    p.add_argument("--key", default=env("KEY"))
    p.add_argument("--cert", default=env("CERT"))
    p.add_argument("--users-file", default=env("USERS_FILE"))
    p.add_argument("--service", default=env("SERVICE", "berth-test-registry"))
    p.add_argument("--issuer", default=env("ISSUER", "berth-test-issuer"))
    p.add_argument("--ttl", type=int, default=int(env("TTL", "900")))
    a = p.parse_args()
    if not a.key or not a.cert:
        p.error("--key and --cert are required")
    if a.generate:
        generate(a.key, a.cert)
        return
    users = {}
    if a.users_file:
        with open(a.users_file) as f:
            users = json.load(f)
    issuer = Issuer(a.key, a.cert, users, a.service, a.issuer, a.ttl)
    server = ThreadingHTTPServer((a.host, a.port), make_handler(issuer))
    sys.stderr.write(f"token issuer listening on http://{a.host}:{a.port}/token "
                     f"(service={a.service}, issuer={a.issuer}, users={sorted(users)})\n")
    sys.stderr.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
