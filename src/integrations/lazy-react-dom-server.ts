import type { Plugin } from "vite";

// @astrojs/react's server renderer imports react-dom's server renderer at its top, and Astro's
// entry imports every renderer: each cold start of the server (a Vercel function's included)
// loads react-dom/server, though no on-demand route of this site renders React. Loaded on the
// first React render instead, a token request never pays for it.
const RENDERER = /[\\/]@astrojs[\\/]react[\\/]dist[\\/]server\.js$/;
const EAGER_IMPORT = 'import ReactDOM from "react-dom/server";';
const RENDER_START =
  "async function renderToStaticMarkup(Component, props, { default: children, ...slotted }, metadata) {";

/**
 * The renderer's source with react-dom/server imported on its first render. Every use of
 * `ReactDOM` is inside `renderToStaticMarkup` or the functions it calls, after that import. Throws
 * when the source no longer has the shape this edit expects (a new @astrojs/react), so a build
 * fails rather than shipping the renderer half edited.
 */
export function lazyReactDomServer(source: string): string {
  if (!source.includes(EAGER_IMPORT) || !source.includes(RENDER_START))
    throw new Error(
      "lazy-react-dom-server: @astrojs/react's server.js changed shape; update src/integrations/lazy-react-dom-server.ts",
    );
  return source
    .replace(
      EAGER_IMPORT,
      'let ReactDOM;\nconst loadReactDOM = async () => (ReactDOM ??= (await import("react-dom/server")).default);',
    )
    .replace(RENDER_START, `${RENDER_START}\n  await loadReactDOM();`);
}

/** The Vite plugin that applies `lazyReactDomServer` to the server build. */
export function lazyReactDomServerPlugin(): Plugin {
  return {
    name: "lazy-react-dom-server",
    apply: "build",
    transform: {
      filter: { id: RENDERER },
      handler(code, _id, options) {
        return options?.ssr === false ? null : { code: lazyReactDomServer(code), map: null };
      },
    },
  };
}
