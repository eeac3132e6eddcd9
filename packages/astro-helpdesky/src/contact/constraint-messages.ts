// The browser's own constraint messages ("Please fill out this field.") come in the browser's
// language, whatever the page's `lang`. For a site with its own texts, the server-rendered form
// carries its words on each field and this module gives them to the browser instead, before it
// shows its bubble. Loaded by `ContactFormValidity.astro`, once per page however many forms.

type Field = HTMLInputElement | HTMLTextAreaElement;

function isFormField(target: EventTarget | null): target is Field {
  return (
    (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) &&
    target.closest(".contact-form") !== null
  );
}

/** The field's own words for what is wrong with it, or "" to let the browser's check stand. */
export function constraintMessage(field: Field): string {
  const { validity, dataset } = field;
  if (validity.valueMissing) return dataset.hdhMissing ?? "";
  if (validity.typeMismatch) return dataset.hdhInvalid ?? "";
  if (validity.tooLong) return dataset.hdhTooLong ?? "";
  return "";
}

// `invalid` fires before the bubble is shown, and does not bubble: listen while capturing.
document.addEventListener(
  "invalid",
  (event) => {
    if (!isFormField(event.target)) return;
    event.target.setCustomValidity("");
    event.target.setCustomValidity(constraintMessage(event.target));
  },
  true,
);
// A custom message keeps a field invalid until cleared: clear it as soon as the visitor types.
document.addEventListener(
  "input",
  (event) => {
    if (isFormField(event.target)) event.target.setCustomValidity("");
  },
  true,
);
