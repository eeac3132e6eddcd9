// What the production server answers itself, before the adapter sees a request: methods the fetch
// API cannot represent (the adapter would throw building a `Request`), and requests Node's HTTP
// parser refuses (malformed, or headers too large). Pure, so the rules are unit-tested.
import { STATUS_CODES } from "node:http";

/** Methods passed on to the site. Its routes answer 405 to the ones they do not take. */
const PASSED_ON = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Methods the fetch API forbids (undici throws on them): known, and never allowed here. */
const FORBIDDEN = new Set(["TRACE", "TRACK", "CONNECT"]);
export const ALLOWED_METHODS = "GET, HEAD, POST";

/**
 * The refusal for a request method, or null when the site handles it: 405 for the methods the
 * fetch API forbids, 501 for any other method the site does not implement (WebDAV and the like).
 */
export function methodRefusal(/** @type {string | undefined} */ method) {
  const name = method ?? "";
  if (PASSED_ON.has(name)) return null;
  return FORBIDDEN.has(name.toUpperCase()) ? { status: 405 } : { status: 501 };
}

/** The status for an error Node's HTTP parser reports on a connection (its `clientError`). */
export function clientErrorStatus(/** @type {{ code?: string }} */ error) {
  if (error.code === "HPE_HEADER_OVERFLOW") return 431;
  if (error.code === "HPE_HEADER_TIMEOUT" || error.code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  return 400;
}

/**
 * A complete HTTP/1.1 response written straight to a socket, for answers given before Node has
 * a `ServerResponse` to write them with. The body is the status text; the connection closes.
 */
export function rawResponse(
  /** @type {number} */ status,
  /** @type {Record<string, string>} */ headers,
) {
  const text = `${status} ${STATUS_CODES[status] ?? ""}`.trim();
  const lines = [
    `HTTP/1.1 ${text}`,
    ...Object.entries({
      ...headers,
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(text)),
      Connection: "close",
    }).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join("\r\n")}\r\n\r\n${text}`;
}
