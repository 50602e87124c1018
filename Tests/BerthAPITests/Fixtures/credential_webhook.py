"""A Cycle credentials webhook on loopback: answers every GET with base64("user:token").

Usage: credential_webhook.py USER TOKEN  -- prints the port, then serves until killed.
"""
import base64
import http.server
import sys

ANSWER = base64.b64encode(f"{sys.argv[1]}:{sys.argv[2]}".encode()).decode()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ANSWER.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
