// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test } from "vitest";
import { ContactForm } from "../../src/contact/ContactForm.tsx";

afterEach(cleanup);

// The React form's `messages` prop: its labels, hints, button and own checks in the site's words.
test("a messages prop words the form's labels, hints, button and checks", async () => {
  const user = userEvent.setup();
  render(
    <ContactForm
      endpoint="http://localhost:3000/api/contact"
      messages={{
        labels: { email: "E-Mail", message: "Nachricht" },
        hints: { message: "Höchstens {max} Zeichen." },
        submit: "Senden",
        errors: { emailMissing: "E-Mail fehlt.", messageMissing: "Nachricht fehlt." },
        notices: { invalid: "Bitte Felder korrigieren." },
      }}
    />,
  );
  expect(screen.getByLabelText("E-Mail")).toHaveProperty("name", "email");
  // The hint takes the limit, written in the site's `locale` (English here).
  expect(screen.getByText("Höchstens 5,000 Zeichen.")).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Senden" }));
  expect(screen.getByRole("alert").textContent).toBe("Bitte Felder korrigieren.");
  expect(screen.getByText("E-Mail fehlt.")).toBeTruthy();
  expect(screen.getByText("Nachricht fehlt.")).toBeTruthy();
  // What the prop leaves out keeps its default.
  expect(screen.getByLabelText("Subject")).toHaveProperty("name", "subject");
});

test("two forms on a page: every id once, each label its own field", () => {
  render(
    <>
      <ContactForm />
      <ContactForm />
    </>,
  );
  const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(screen.getAllByLabelText("Email")).toHaveLength(2);
});
