import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message as the test's SMTP server received it: the envelope and the raw bytes of DATA. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: string;
}

export type SmtpBehaviour =
  /** Accepts every message. */
  | "accept"
  /** Answers the end of DATA with a permanent refusal (550). */
  | "refuse"
  /** Takes the message's first bytes, then closes the connection without an answer. */
  | "drop"
  /** Accepts the connection and never says a word. */
  | "silent";

export interface TestSmtpServer {
  port: number;
  /** An SMTP_URL for this server (plain SMTP on loopback, so no STARTTLS is required). */
  url: string;
  received: ReceivedMail[];
  /** Login attempts, when `auth` was given. */
  logins: Array<{ username: string; ok: boolean }>;
  stop: () => Promise<void>;
}

/**
 * An SMTP server on 127.0.0.1 and a free port, for tests. "accept" and "refuse" are `smtp-server`;
 * "drop" and "silent" are bare sockets, as a broken or unresponsive server looks from outside.
 */
export async function startSmtpServer(
  behaviour: SmtpBehaviour = "accept",
  auth?: { user: string; pass: string },
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const logins: TestSmtpServer["logins"] = [];
  const sockets = new Set<Socket>();
  let server: Server;
  let close: () => Promise<void>;

  if (behaviour === "accept" || behaviour === "refuse") {
    const smtp = new SMTPServer({
      logger: false,
      hideSTARTTLS: true,
      authOptional: !auth,
      allowInsecureAuth: true,
      onAuth(credentials, _session, callback) {
        const ok = credentials.username === auth?.user && credentials.password === auth?.pass;
        logins.push({ username: credentials.username ?? "", ok });
        if (ok) callback(null, { user: credentials.username });
        else
          callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          if (behaviour === "refuse") {
            callback(
              Object.assign(new Error("5.7.1 Message refused by policy"), { responseCode: 550 }),
            );
            return;
          }
          const from = session.envelope.mailFrom;
          received.push({
            envelope: {
              from: from ? from.address : "",
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            },
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback(null);
        });
      },
    });
    server = smtp.server;
    close = () => new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  } else {
    server = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
      if (behaviour === "silent") return;
      // Just enough SMTP to reach DATA, then the connection is cut mid-message.
      socket.write("220 test ESMTP\r\n");
      let inData = false;
      socket.on("data", (chunk: Buffer) => {
        if (inData) return void socket.destroy();
        for (const line of chunk.toString("latin1").split("\r\n").filter(Boolean)) {
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === "EHLO" || verb === "HELO") socket.write("250 test\r\n");
          else if (verb === "DATA") {
            inData = true;
            socket.write("354 go ahead\r\n");
          } else socket.write("250 ok\r\n");
        }
      });
    });
    close = () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  }

  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const userinfo = auth ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@` : "";
  return { port, url: `smtp://${userinfo}127.0.0.1:${port}`, received, logins, stop: close };
}

/** The header section of a raw message, unfolded, as [lower-case name, value] pairs. */
export function headersOf(raw: string): Array<[string, string]> {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
  return head
    .replace(/\r\n[ \t]+/g, " ")
    .split("\r\n")
    .map((line) => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as [string, string];
    });
}

/** One header's value, with RFC 2047 encoded words decoded; throws when it is absent or repeated. */
export function header(raw: string, name: string): string {
  const values = headersOf(raw).filter(([key]) => key === name.toLowerCase());
  if (values.length !== 1) throw new Error(`expected one ${name} header, found ${values.length}`);
  return decodeWords(values[0]![1]);
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

/** The text body of a single-part message, decoded from quoted-printable or base64. */
export function textBody(raw: string): string {
  const body = raw.slice(raw.indexOf("\r\n\r\n") + 4);
  const encoding = headersOf(raw)
    .find(([key]) => key === "content-transfer-encoding")?.[1]
    .toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body.replace(/=\r\n/g, ""))
        : body;
  return text.replace(/\r\n/g, "\n").replace(/\n$/, "");
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
