"""Real mail servers on loopback for the tests and the benchmark: Dovecot (IMAP) and an aiosmtpd SMTP sink."""
from __future__ import annotations

import datetime
import email
import email.policy
import os
import shutil
import ssl
import subprocess
import threading
import time
import warnings
from pathlib import Path

from support.servers import free_port, port_open, stop_group, wait_until  # noqa: F401 (free_port is imported from here too)

# aiosmtpd's own AUTH code still touches its deprecated Session.login_data on every login.
warnings.filterwarnings("ignore", message="Session.login_data is deprecated")

MAIL_USER, MAIL_PASSWORD = "formats", "mailbox-password-for-tests"
SMTP_USER, SMTP_PASSWORD = "relay-user", "relay-password-for-tests"


def wait_for(check, seconds: float, what: str, interval: float = 0.05):
    """support.servers.wait_until with this module's shorter default interval (mail tests poll fast)."""
    return wait_until(check, seconds, what, interval)


def self_signed_cert(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1/localhost made now with the cryptography package."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    import ipaddress

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    os.chmod(key_path, 0o600)
    return cert_path, key_path


DOVECOT_CONF = """\
base_dir = {base}/run
state_dir = {base}/state
instance_name = altformats-test-{port}
listen = 127.0.0.1
protocols = imap
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = yes
auth_mechanisms = plain login
log_path = {base}/dovecot.log
mail_location = maildir:{base}/mail/%u
default_internal_user = {user}
default_login_user = {login_user}
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={base}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service auth {{
  user = root
}}
service auth-worker {{
  user = root
}}
service imap-login {{
  chroot =
}}
namespace inbox {{
  inbox = yes
  mailbox Handled {{
    auto = create
  }}
}}
"""


class Dovecot:
    """A Dovecot of our own: generated config, passwd-file, maildir in a temp folder, IMAPS on a free port."""

    def __init__(self):
        import pwd
        import tempfile

        # Mail is kept as the unprivileged "mail" user (Dovecot refuses uid 0), so the folder must be reachable.
        base = Path(tempfile.mkdtemp(prefix="altformats-dovecot-"))
        os.chmod(base, 0o755)
        mail_user = pwd.getpwnam("mail") if _has_user("mail") else pwd.getpwuid(os.getuid())
        self.base, self.port = base, free_port()
        self.cert, key = self_signed_cert(base)
        for sub in ("run", "state", "mail"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        os.chown(base / "mail", mail_user.pw_uid, mail_user.pw_gid)
        (base / "passwd").write_text(f"{MAIL_USER}:{{PLAIN}}{MAIL_PASSWORD}::::::\n")
        internal = "dovecot" if _has_user("dovecot") else "root"
        login = "dovenull" if _has_user("dovenull") else internal
        (base / "dovecot.conf").write_text(DOVECOT_CONF.format(
            base=base, port=self.port, cert=self.cert, key=key, uid=mail_user.pw_uid, gid=mail_user.pw_gid,
            user=internal, login_user=login))
        binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
        self.proc = subprocess.Popen([binary, "-F", "-c", str(base / "dovecot.conf")],
                                     stdout=open(base / "stdout.log", "ab"), stderr=subprocess.STDOUT,
                                     start_new_session=True)
        wait_for(self._listening, 30, "dovecot")

    def _listening(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"dovecot exited: {(self.base / 'stdout.log').read_text()[-2000:]} "
                                 f"{(self.base / 'dovecot.log').read_text()[-2000:] if (self.base / 'dovecot.log').exists() else ''}")
        return port_open(self.port)

    def client(self):
        from imapclient import IMAPClient

        context = ssl.create_default_context(cafile=str(self.cert))
        client = IMAPClient("127.0.0.1", self.port, ssl=True, ssl_context=context, timeout=30)
        client.login(MAIL_USER, MAIL_PASSWORD)
        return client

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        with self.client() as c:
            c.append(folder, raw)

    def flags_by_message_id(self, folder: str = "INBOX") -> dict[str, set[bytes]]:
        with self.client() as c:
            c.select_folder(folder, readonly=True)
            uids = c.search(["ALL"])
            data = c.fetch(uids, ["FLAGS", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
        out = {}
        for item in data.values():
            header = email.message_from_bytes(item[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"])
            out[(header["Message-ID"] or "").strip()] = set(item[b"FLAGS"])
        return out

    def settings(self) -> dict[str, str]:
        return {"ALTFORMATS_MAIL_IMAP_HOST": "127.0.0.1", "ALTFORMATS_MAIL_IMAP_PORT": str(self.port),
                "ALTFORMATS_MAIL_IMAP_SSL": "yes", "ALTFORMATS_MAIL_IMAP_USER": MAIL_USER,
                "ALTFORMATS_MAIL_IMAP_PASSWORD": MAIL_PASSWORD, "ALTFORMATS_MAIL_IMAP_CAFILE": str(self.cert)}

    def stop(self) -> None:
        stop_group(self.proc)
        shutil.rmtree(self.base, ignore_errors=True)


def _has_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


class SmtpSink:
    """A real SMTP server (aiosmtpd) that requires STARTTLS and AUTH, keeping what it receives."""

    def __init__(self, base: Path):
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        self.cert, key = self_signed_cert(base)
        self.port = free_port()
        self.received: list[dict] = []
        self.lock = threading.Lock()
        self.logins: list[str] = []
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, key)

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login == SMTP_USER.encode() and auth_data.password == SMTP_PASSWORD.encode()
            if ok:
                self.logins.append(mechanism)
            return AuthResult(success=ok)

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, tls_context=context,
                                     require_starttls=True, auth_required=True, auth_require_tls=True,
                                     authenticator=authenticate)
        self.controller.start()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.received.append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                                  "tls": session.ssl is not None, "authenticated": session.authenticated,
                                  "message": email.message_from_bytes(envelope.original_content or envelope.content,
                                                                      policy=email.policy.default),
                                  "at": time.monotonic()})
        return "250 OK"

    def messages(self) -> list:
        with self.lock:
            return list(self.received)

    def settings(self) -> dict[str, str]:
        return {"ALTFORMATS_MAIL_SMTP_HOST": "127.0.0.1", "ALTFORMATS_MAIL_SMTP_PORT": str(self.port),
                "ALTFORMATS_MAIL_SMTP_STARTTLS": "yes", "ALTFORMATS_MAIL_SMTP_USER": SMTP_USER,
                "ALTFORMATS_MAIL_SMTP_PASSWORD": SMTP_PASSWORD, "ALTFORMATS_MAIL_SMTP_CAFILE": str(self.cert)}

    def stop(self) -> None:
        self.controller.stop()
