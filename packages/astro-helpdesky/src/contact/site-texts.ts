import { contactForm, locale } from "virtual:helpdesky/messages";
import type { FieldTexts } from "./fields.ts";

/** The Contact Form's texts as the site configured them (`messages` of `helpdesky()`), for the server. */
export const contactTexts: FieldTexts = { messages: contactForm, locale };
