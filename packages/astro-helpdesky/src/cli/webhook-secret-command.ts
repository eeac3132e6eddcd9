import { generateWebhookSecret } from "../contact/webhook-signature.ts";
import { EXIT, type CliIo, type ExitCode } from "./io.ts";

/** `webhook-secret`: prints a fresh CONTACT_WEBHOOK_SECRET (32 random bytes, `whsec_<base64>`). */
export function webhookSecretCommand(io: CliIo): ExitCode {
  io.out(generateWebhookSecret());
  return EXIT.ok;
}
