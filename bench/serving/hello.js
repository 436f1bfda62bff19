// The ceiling: Node.js's http module answering a small JSON body to every request (one process).
// Run: node hello.js PORT
const http = require("http");
const body = JSON.stringify({ hello: "world" });
http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length });
    res.end(body);
  });
}).listen(Number(process.argv[2]), "127.0.0.1");
