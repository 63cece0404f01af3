// A local SMTP server that accepts every message and keeps it, so tests can prove a mail left
// Waypoint without sending anything anywhere. It listens on loopback only. `acceptMs` holds each
// message that long before saying it is accepted, as a busy mail server does.
import { createServer } from "node:net";

export async function startSmtpSink({ acceptMs = 0 } = {}) {
  const messages = [];
  const waiting = [];
  const server = createServer((socket) => {
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let message = { from: "", to: [], data: "" };
    const reply = (line) => socket.write(line + "\r\n");
    reply("220 sink ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          message.data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          messages.push(message);
          waiting.splice(0).forEach((w) => w());
          message = { from: "", to: [], data: "" };
          if (acceptMs) setTimeout(() => reply("250 queued"), acceptMs);
          else reply("250 queued");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 sink");
        else if (verb === "MAIL") (message.from = line.slice(10).trim(), reply("250 ok"));
        else if (verb === "RCPT") (message.to.push(line.slice(8).trim()), reply("250 ok"));
        else if (verb === "DATA") (inData = true, reply("354 go ahead"));
        else if (verb === "QUIT") (reply("221 bye"), socket.end());
        else reply("250 ok");
      }
    });
    socket.on("error", () => {});
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    address: `127.0.0.1:${server.address().port}`,
    messages,
    // Resolves with the first message matching `predicate`, waiting up to `ms` for it.
    async waitFor(predicate, ms = 15000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching mail in ${ms} ms; have ${messages.length}`);
        await new Promise((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 250);
        });
      }
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
