"""A tiny HTTP SMS gateway for the tests: on 127.0.0.1:<port> it answers every POST with
<status> and appends the request (path, headers, body) as one JSON line to <log>."""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

port, log, status = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])


class Gateway(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8")
        with open(log, "a", encoding="utf-8") as file:
            file.write(json.dumps({"path": self.path, "headers": dict(self.headers.items()), "body": body}) + "\n")
        reply = b'{"status": "queued"}' if status < 300 else b"gateway says no\nsecond line"
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *arguments):
        pass


HTTPServer(("127.0.0.1", port), Gateway).serve_forever()
