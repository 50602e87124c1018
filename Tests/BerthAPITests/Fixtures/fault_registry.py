#!/usr/bin/env python3
"""A registry front that forwards to a real registry and breaks answers on purpose.

usage: fault_registry.py --upstream 127.0.0.1:5000 --port-file F --mode MODE

modes:
  pass             forward unchanged
  error500         every manifest request answers 500
  flaky500         the first two manifest requests answer 500, later ones are forwarded
  corrupt-blob     blob bodies have one byte changed (same length)
  truncate-blob    blob bodies are cut in half (Content-Length says the full size; the
                   connection is closed early)
  slow             every manifest request waits 0.4 s before it is forwarded (so work
                   that reads manifests is still running when a test interrupts it)
The chosen port is written to --port-file once listening.
"""
import argparse, http.server, socketserver, urllib.request, urllib.error, threading, time

p = argparse.ArgumentParser()
p.add_argument("--upstream", required=True)
p.add_argument("--port-file", required=True)
p.add_argument("--mode", default="pass")
a = p.parse_args()
manifest_calls = {"n": 0}
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        is_manifest = "/manifests/" in self.path
        is_blob = "/blobs/" in self.path
        if is_manifest and a.mode == "slow":
            time.sleep(0.4)
        if is_manifest and a.mode in ("error500", "flaky500"):
            with lock:
                manifest_calls["n"] += 1
                n = manifest_calls["n"]
            if a.mode == "error500" or n <= 2:
                body = b'{"errors":[{"code":"UNKNOWN","message":"injected failure"}]}'
                self.send_response(500)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("accept", "authorization")}
        request = urllib.request.Request(f"http://{a.upstream}{self.path}", headers=headers)
        try:
            response = urllib.request.urlopen(request)
            status, body, reply_headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, body, reply_headers = error.code, error.read(), error.headers
        full_length = len(body)
        if is_blob and status == 200 and a.mode == "corrupt-blob" and body:
            body = bytes([body[0] ^ 0xFF]) + body[1:]
        if is_blob and status == 200 and a.mode == "truncate-blob":
            body = body[: len(body) // 2]
        self.send_response(status)
        for name in ("Content-Type", "Docker-Content-Digest", "Www-Authenticate", "Docker-Distribution-Api-Version"):
            if reply_headers.get(name):
                self.send_header(name, reply_headers.get(name))
        self.send_header("Content-Length", str(full_length))
        if is_blob and a.mode == "truncate-blob":
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        if is_blob and a.mode == "truncate-blob":
            self.close_connection = True


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
with open(a.port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
