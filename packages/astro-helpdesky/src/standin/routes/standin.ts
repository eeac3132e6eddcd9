import type { APIRoute } from "astro";
import { helpdeskyMode } from "../../runtime-config.ts";
import { handleStandinApi } from "../api.ts";
import { createConversationStore, type ConversationStore } from "../conversation-store.ts";
import { StandinStorageUnavailableError, standinDatabase } from "../database.ts";
import { createMemoryConversationStore, reportMemoryStorage } from "../memory-storage.ts";
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

/** The SQLite store, or, where SQLite cannot open (workerd), one in this process's memory. */
function openStore(): Promise<ConversationStore> {
  return standinDatabase().then(
    (db) => createConversationStore(db),
    (error: unknown) => {
      if (!(error instanceof StandinStorageUnavailableError)) {
        store = undefined;
        throw error;
      }
      reportMemoryStorage(error.message);
      return createMemoryConversationStore();
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
    return handleStandinApi(request, path.slice("api/".length), {
      secret,
      helpdeskId,
      store: () => (store ??= openStore()),
    });
  }
  return notFound();
};
