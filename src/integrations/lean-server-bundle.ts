import type { AstroIntegration } from "astro";

/** Large dependencies of the server code that are bundled rather than copied from node_modules. */
const BUNDLED = [
  "react",
  "react-dom",
  "zod",
  "valibot",
  "nodemailer",
  "@redis/client",
  "rate-limiter-flexible",
];

/**
 * Keeps the server build, and so the Vercel function, small: a few large dependencies are bundled
 * into it, with `process.env.NODE_ENV` fixed to "production" there, so only the code the server
 * runs ships. Copied from node_modules instead, they bring their development builds, react-dom's
 * unused renderers and zod's CommonJS twins (about three times the size: `npm run bench -- vercel`
 * measures both, see the README's Benchmarks), and the server would depend on
 * the platform setting NODE_ENV. Applies to `astro build` only: `astro dev` keeps React's
 * development warnings.
 */
export default function leanServerBundle(): AstroIntegration {
  return {
    name: "lean-server-bundle",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        if (command !== "build") return;
        updateConfig({
          vite: {
            ssr: { noExternal: BUNDLED },
            // The Redis client is 1.2 MiB of readable source: the server build drops whitespace and
            // comments and shortens local names, but keeps the names
            // of functions and classes, so stack traces still read.
            environments: {
              ssr: {
                build: {
                  rolldownOptions: {
                    output: {
                      minify: {
                        compress: false,
                        mangle: { keepNames: true },
                        codegen: { removeWhitespace: true },
                      },
                    },
                  },
                },
              },
            },
            define: { "process.env.NODE_ENV": JSON.stringify("production") },
          },
        });
      },
    },
  };
}
