// The components a page uses. `TicketCenter` is the whole support panel in one tag; the others are
// its parts, for pages that lay them out themselves.
// The island's styles, for a page that mounts `TicketCenterIsland` alone: imported on the page's
// side, because a client:only island's own CSS would be written into the page twice.
import "./styles/theme.css";
import "./island/ticket-center-island.css";
import "./contact/contact-form.css";
export { default as TicketCenter } from "./island/TicketCenter.astro";
export { default as TicketCenterIsland } from "./island/TicketCenterIsland.tsx";
export { default as TicketCenterHints } from "./island/TicketCenterHints.astro";
export { default as TicketCenterFallback } from "./island/TicketCenterFallback.astro";
export { default as ContactForm } from "./contact/ContactForm.astro";
export { default as ContactFormIsland } from "./contact/ContactForm.tsx";
