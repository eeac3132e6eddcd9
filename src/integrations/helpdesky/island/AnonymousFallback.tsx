/** Props of the fallback shown to visitors without a Ticket Center. */
export interface AnonymousFallbackProps {
  /** Where the sign-in link goes; it should come back to the support page. */
  loginUrl: string;
}

/**
 * What a visitor gets instead of the Ticket Center: anonymous, or when the panel cannot be shown.
 * The one place to swap in the Contact Form.
 */
export function AnonymousFallback({ loginUrl }: AnonymousFallbackProps) {
  return (
    <div className="hdh-fallback">
      <h2 className="hdh-fallback-title">Sign in to see your support conversations</h2>
      <p>
        Your conversations with our team are kept in your account. <a href={loginUrl}>Sign in</a> to
        open them, follow their history and reply.
      </p>
    </div>
  );
}
