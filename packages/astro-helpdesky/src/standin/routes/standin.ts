import type { APIRoute } from "astro";
import { helpdeskyMode } from "../../runtime-config.ts";
import { handleStandinApi } from "../api.ts";
import { createConversationStore, type ConversationStore } from "../conversation-store.ts";
import { StandinStorageUnavailableError, standinDatabase } from "../database.ts";
// Bundled as strings, so the Vercel function serves them without reading the source tree.
import script from "../ticket-center.js?raw";
import stylesheet from "../ticket-center.css?raw";

export const prerender = false;

const ASSETS: Record<string, { body: string; type: string }> = {
  "ticket-center.js": { body: script, type: "text/javascript; charset=utf-8" },
  "ticket-center.css": { body: stylesheet, type: "text/css; charset=utf-8" },
};

let store: Promise<ConversationStore> | undefined;

function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

let reported = false;

/** The stand-in's storage cannot open on this runtime: say why, once in the log and in every answer. */
function storageUnavailable(error: StandinStorageUnavailableError): Response {
  if (!reported) console.error(`[helpdesky] ${error.message}`);
  reported = true;
  return new Response(
    JSON.stringify({ error: "standin_storage_unavailable", message: error.message }),
    {
      status: 503,
      headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" },
    },
  );
}

/** Everything under the stand-in's base path: its script, its stylesheet and its API. */
export const ALL: APIRoute = async ({ params, request }) => {
  // Outside stand-in mode nothing here exists, whatever the build contains.
  if (helpdeskyMode.kind !== "standin") return notFound();
  const path = params.path ?? "";

  const asset = ASSETS[path];
  if (asset) {
    if (request.method !== "GET" && request.method !== "HEAD")
      return new Response(null, { status: 405, headers: { Allow: "GET, HEAD" } });
    return new Response(request.method === "HEAD" ? null : asset.body, {
      headers: { "Content-Type": asset.type, "Cache-Control": "no-cache" },
    });
  }

  if (path.startsWith("api/")) {
    const { secret, helpdeskId } = helpdeskyMode;
    try {
      return await handleStandinApi(request, path.slice("api/".length), {
        secret,
        helpdeskId,
        store: () => (store ??= standinDatabase().then((db) => createConversationStore(db))),
      });
    } catch (error) {
      if (!(error instanceof StandinStorageUnavailableError)) throw error;
      store = undefined;
      return storageUnavailable(error);
    }
  }
  return notFound();
};
