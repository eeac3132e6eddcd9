import { ContactForm } from "../contact/ContactForm.tsx";

/** Props of the fallback shown to visitors without a Ticket Center. */
export interface AnonymousFallbackProps {
  /** Where the sign-in link goes; it should come back to the support page. */
  signInUrl: string | null;
  /** The page the Contact Form reports as the message's source. */
  source?: string;
}

/**
 * What a visitor gets instead of the Ticket Center, when anonymous or when the panel cannot be
 * shown: a way to sign in, and the Contact Form, so nobody is left without a way to reach support.
 */
export function AnonymousFallback({ signInUrl, source = "/support" }: AnonymousFallbackProps) {
  return (
    <section className="hdh-fallback" aria-labelledby="hdh-fallback-title">
      <h2 id="hdh-fallback-title" className="hdh-fallback-title">
        Send us a message
      </h2>
      <p>
        No account needed: we answer by email.
        {signInUrl && (
          <>
            {" "}
            Have an account? <a href={signInUrl}>Sign in</a> to open your support conversations,
            follow their history and reply.
          </>
        )}
      </p>
      <ContactForm source={source} />
    </section>
  );
}
