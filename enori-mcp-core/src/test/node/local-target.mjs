// The monitored service: a local HTTP server answering 200 "hello enori", stoppable mid-scenario.
import http from 'node:http';

export function startTarget() {
  const target = { hits: 0 };
  target.server = http.createServer((req, res) => {
    target.hits++;
    // No keep-alive: once closed, the server's HTTP client must not reuse a pooled connection.
    res.writeHead(200, { 'Content-Type': 'text/plain', Connection: 'close' });
    res.end('hello enori');
  });
  return new Promise((resolve, reject) => {
    target.server.once('error', reject);
    target.server.listen(0, '127.0.0.1', () => {
      target.url = `http://127.0.0.1:${target.server.address().port}/health`;
      resolve(target);
    });
  });
}

export function stopTarget(target) {
  return new Promise((resolve) => {
    target.server.close(() => resolve());
    target.server.closeAllConnections();
  });
}
