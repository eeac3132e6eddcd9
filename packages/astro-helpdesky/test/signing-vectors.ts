/**
 * The token contract's fixed vectors: HMAC-SHA256 of each email's UTF-8 bytes under SECRET, as
 * lower-case hex, computed outside this code base (Python's hmac module) and written down here.
 * The unit tests hold both signers to them, the adapter tests every adapter's built output.
 */
export const VECTOR_SECRET = "hdh_secret_test_0123456789abcdef";

export const SIGNING_VECTORS: ReadonlyArray<readonly [email: string, signature: string]> = [
  ["ada@example.com", "cdb86f625901a630653d9b1c2d5eb1b4f8ba499b7a631d6ba1ad06fb730d1cf9"],
  ["Ada@Example.com", "a12a909cfdbad7f8d0e1bc44e3622e550edb0972fd2aa37a871dd787b846ebda"],
  ["zoë@exämple.com", "d446948b4ec5098d5134047615a51f387e782d7c228a58d596c5faa6cde9db96"],
  ["用户@例子.广告", "f06db9878fc8c74af0f0b7b0d4c2c1fee6bfa97da5b75800c908800d7a88dfc2"],
];
