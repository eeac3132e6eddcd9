import { fallback as texts } from "virtual:helpdesky/messages";
import { useId } from "react";
import { ContactForm } from "../contact/ContactForm.tsx";
import { splitMessage } from "../messages/format-message.ts";

/** Props of the fallback shown to visitors without a Ticket Center. */
export interface AnonymousFallbackProps {
  /** Where the sign-in link goes; it should come back to the support page. */
  signInUrl: string | null;
  /** The page the Contact Form reports as the message's source. */
  source?: string;
}

// "Have an account? {link} to open…": the link goes where the site's words put it.
const [signInBefore, signInAfter] = splitMessage(texts.signIn, "link");

/**
 * What a visitor gets instead of the Ticket Center, when anonymous or when the panel cannot be
 * shown: a way to sign in, and the Contact Form, so nobody is left without a way to reach support.
 */
export function AnonymousFallback({ signInUrl, source = "/support" }: AnonymousFallbackProps) {
  // Its own id, so that it never shares one with another form's heading on the page.
  const titleId = useId();
  return (
    <section className="hdh-fallback" aria-labelledby={titleId}>
      <h2 id={titleId} className="hdh-fallback-title">
        {texts.title}
      </h2>
      <p>
        {texts.intro}
        {signInUrl && (
          <>
            {" "}
            {signInBefore}
            <a href={signInUrl}>{texts.signInLink}</a>
            {signInAfter}
          </>
        )}
      </p>
      <ContactForm source={source} />
    </section>
  );
}
