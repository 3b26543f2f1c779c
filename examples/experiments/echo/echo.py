"""Answers every GET with 'instance <MEC_INSTANCE> node <node>' (one line, text/plain).

<node> is MEC_NODE when the platform sets it, else the instance's address (MY_IP), which the
experiment runner maps to a node through the service's routes. One request per connection
(HTTP/1.0), threads so that a slow client never holds up the others; no logging per request.
"""
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

INSTANCE = os.environ.get("MEC_INSTANCE", "unknown")
NODE = os.environ.get("MEC_NODE") or os.environ.get("MY_IP", "unknown")
BODY = ("instance %s node %s\n" % (INSTANCE, NODE)).encode("ascii", "replace")


class Echo(BaseHTTPRequestHandler):
    server_version = "mec-echo/1"

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=us-ascii")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def do_HEAD(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()

    def log_message(self, format, *args):
        pass


def main():
    address = os.environ.get("MY_IP", "127.0.0.1")
    port = int(os.environ.get("MY_PORT", "8000"))
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 128
    server = ThreadingHTTPServer((address, port), Echo)
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
