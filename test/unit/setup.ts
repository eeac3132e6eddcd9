// Shared by every unit and component test. Component tests opt into jsdom with a
// `// @vitest-environment jsdom` comment at their top; everything else runs in Node.
export {};
