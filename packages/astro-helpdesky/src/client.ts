// Browser code for pages that lay out the Ticket Center themselves (`<TicketCenter />` calls it).
export { bootTicketCenter } from "./island/boot.ts";
