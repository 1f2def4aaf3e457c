"""A Lambda Runtime API for the API function image's check (.ci/image/lambda-check.sh).

    python3 runtime-api.py <port> <answers.jsonl> <event.json>...

Hands each event out once, in order, to the function's polls; {{TICKET_ID}} in an event becomes
the ticket_id of the last answer that had one (a create before a get). Writes one JSON line per
answer ({"event", "ms", "error", "answer"}) and, first, {"init_ms"}: the time from its start to
the first poll. Exits 0 after the last answer, 1 on an init error or after 120 s without one.
"""
import http.server
import json
import os
import sys
import threading
import time

port, out_path, event_paths = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
started = time.monotonic()
state = {"next": 0, "answered": 0, "ticket_id": None, "polled": False}
handed_at = {}
lock = threading.Lock()
out = open(out_path, "w", buffering=1)
done = threading.Event()


def fail(message):
    print(message, file=sys.stderr, flush=True)
    os._exit(1)


class RuntimeApi(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if not self.path.endswith("/invocation/next"):
            self.send_error(404)
            return
        with lock:
            if not state["polled"]:
                state["polled"] = True
                out.write(json.dumps({"init_ms": round((time.monotonic() - started) * 1000)}) + "\n")
            index = state["next"]
            if index < len(event_paths):
                state["next"] += 1
                # Before the event leaves: its answer can arrive before this handler returns.
                handed_at[index] = time.monotonic()
                event = open(event_paths[index]).read()
                if state["ticket_id"]:
                    event = event.replace("{{TICKET_ID}}", state["ticket_id"])
        if index >= len(event_paths):
            done.wait()  # the last answer is in: the check stops the function
            return
        body = event.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Lambda-Runtime-Aws-Request-Id", f"check-{index + 1}")
        self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 30000))
        self.send_header("Lambda-Runtime-Invoked-Function-Arn",
                         "arn:aws:lambda:us-east-1:000000000000:function:helpdesk-api")
        self.send_header("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0")
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        if self.path.endswith("/init/error"):
            fail("init error: " + body)
        # .../invocation/check-<n>/response or /error: the answer is matched to its event by the
        # request id, not by what was handed out last (the function polls again as soon as it
        # has the 202, possibly before this handler is done).
        index = int(self.path.split("/")[-2].removeprefix("check-")) - 1
        record = {"event": os.path.basename(event_paths[index]),
                  "ms": round((time.monotonic() - handed_at[index]) * 1000), "error": self.path.endswith("/error"),
                  "answer": json.loads(body) if body else None}
        with lock:
            try:
                ticket_id = json.loads(record["answer"]["body"]).get("ticket_id")
                state["ticket_id"] = ticket_id or state["ticket_id"]
            except (TypeError, KeyError, ValueError, AttributeError):
                pass
            out.write(json.dumps(record) + "\n")
            state["answered"] += 1
            last = state["answered"] >= len(event_paths)
            if last:
                out.close()
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()
        if last:
            done.set()
            os._exit(0)


server = http.server.ThreadingHTTPServer(("127.0.0.1", port), RuntimeApi)
server.daemon_threads = True
threading.Timer(120, lambda: fail("no answer to every event within 120 s")).start()
server.serve_forever()
