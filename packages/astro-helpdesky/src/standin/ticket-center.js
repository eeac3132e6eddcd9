// The local Helpdesky stand-in's Ticket Center: a plain browser script that follows the contract of
// Helpdesky's embed. It reads its configuration from the data-* attributes of its own <script>
// element, renders into #hdh-ticket-center, and has its API verify the signature before it shows
// anything. Served only in stand-in mode, under the path it is loaded from.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = document.getElementById("hdh-ticket-center");
  if (!script || !root) return;

  var config = {
    helpdeskId: script.getAttribute("data-helpdesk-id") || "",
    email: script.getAttribute("data-email") || "",
    signature: script.getAttribute("data-signature") || "",
  };
  var base = new URL(".", script.src);
  var draftKey = "hdh-standin:draft";

  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    (children || []).forEach(function (child) {
      node.append(child);
    });
    return node;
  }

  function field(labelText, control) {
    var id = "hdh-standin-" + Math.random().toString(36).slice(2);
    control.id = id;
    var label = el("label", "hdh-standin-label", [labelText]);
    label.htmlFor = id;
    return el("div", "hdh-standin-field", [label, control]);
  }

  function request(method, path, body) {
    return fetch(new URL("api/" + path, base), {
      method: method,
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-Helpdesky-Helpdesk-Id": config.helpdeskId,
        "X-Helpdesky-Email": encodeURIComponent(config.email),
        "X-Helpdesky-Signature": config.signature,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (data) {
        return { status: response.status, data: data };
      });
    });
  }

  // The stylesheet is same-origin and linked, never inline, so a strict CSP allows it.
  var link = document.querySelector("link[data-hdh-standin]");
  if (!link) {
    link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("ticket-center.css", base).href;
    link.setAttribute("data-hdh-standin", "");
    document.head.append(link);
  }
  var styled = link.sheet
    ? Promise.resolve()
    : new Promise(function (resolve) {
        link.addEventListener("load", resolve, { once: true });
        link.addEventListener("error", resolve, { once: true });
      });

  var old = root.querySelector(".hdh-standin");
  if (old) old.remove();

  var body = el("div", "hdh-standin-body");
  var status = el("p", "hdh-standin-status");
  status.setAttribute("role", "status");
  status.textContent = "Checking your identity…";
  body.append(status);
  var panel = el("section", "hdh-standin", [
    el("header", "hdh-standin-header", [
      el("span", "hdh-standin-badge", ["Local Helpdesky stand-in"]),
      el("h2", "hdh-standin-title", ["Ticket Center"]),
    ]),
    body,
  ]);
  panel.setAttribute("aria-label", "Ticket Center (local Helpdesky stand-in)");
  // Painted once its styles apply, so the panel does not change shape under the reader's eyes.
  styled.then(function () {
    root.append(panel);
  });

  function showAuthError() {
    body.replaceChildren(
      el("div", "hdh-standin-error", [
        el("p", "hdh-standin-error-title", [
          "Authentication error: we could not verify your identity.",
        ]),
        el("p", "", [
          "The email and signature sent to Helpdesky do not match. Compare them with the Verification Tool in the Helpdesky dashboard (Ticket Center page): paste the email and the signature your server generated and check that they match.",
        ]),
      ]),
    );
    body.firstChild.setAttribute("role", "alert");
  }

  function showFailure(text) {
    var alert = el("p", "hdh-standin-error", [text]);
    alert.setAttribute("role", "alert");
    body.replaceChildren(alert);
  }

  function messageList(messages) {
    return el(
      "ol",
      "hdh-standin-messages",
      messages.map(function (message) {
        return el("li", "hdh-standin-message hdh-standin-message-" + message.author, [
          el("span", "hdh-standin-meta", [
            (message.author === "agent" ? "Support" : "You") +
              " · " +
              new Date(message.createdAt).toLocaleString(),
          ]),
          el("p", "", [message.body]),
        ]);
      }),
    );
  }

  function replyForm(conversation) {
    var textarea = document.createElement("textarea");
    textarea.name = "body";
    textarea.required = true;
    textarea.maxLength = 5000;
    textarea.rows = 3;
    var button = el("button", "hdh-standin-button", ["Send reply"]);
    button.type = "submit";
    var form = el("form", "hdh-standin-form", [field("Reply", textarea), button]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!textarea.value.trim()) return;
      button.disabled = true;
      request("POST", "conversations/" + conversation.id + "/messages", {
        body: textarea.value,
      }).then(
        function (result) {
          if (result.status === 401) return showAuthError();
          load("Reply sent.");
        },
        function () {
          button.disabled = false;
          status.textContent = "The reply could not be sent. Try again.";
        },
      );
    });
    return form;
  }

  function newConversationForm() {
    var subject = document.createElement("input");
    subject.name = "subject";
    subject.required = true;
    subject.maxLength = 200;
    var message = document.createElement("textarea");
    message.name = "body";
    message.required = true;
    message.maxLength = 5000;
    message.rows = 4;
    // A draft survives a reload, as Helpdesky's own widget keeps one; it is browser storage that
    // the page's sign-out teardown must clear.
    message.value = localStorage.getItem(draftKey) || "";
    message.addEventListener("input", function () {
      localStorage.setItem(draftKey, message.value);
    });
    var button = el("button", "hdh-standin-button", ["Start conversation"]);
    button.type = "submit";
    var form = el("form", "hdh-standin-form", [
      el("h3", "hdh-standin-subtitle", ["Start a new conversation"]),
      field("Subject", subject),
      field("Message", message),
      button,
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!subject.value.trim() || !message.value.trim()) {
        status.textContent = "Enter a subject and a message.";
        return;
      }
      button.disabled = true;
      request("POST", "conversations", { subject: subject.value, body: message.value }).then(
        function (result) {
          if (result.status === 401) return showAuthError();
          localStorage.removeItem(draftKey);
          load("Conversation started.");
        },
        function () {
          button.disabled = false;
          status.textContent = "The conversation could not be started. Try again.";
        },
      );
    });
    return form;
  }

  function render(conversations, notice) {
    var list = el("div", "hdh-standin-list", [
      el("h3", "hdh-standin-subtitle", ["Your conversations"]),
    ]);
    if (conversations.length === 0) {
      list.append(el("p", "hdh-standin-empty", ["No conversations yet. Start one below."]));
    } else {
      list.append(
        el(
          "ul",
          "hdh-standin-conversations",
          conversations.map(function (conversation) {
            var details = el("details", "hdh-standin-conversation", [
              el("summary", "", [conversation.subject]),
              messageList(conversation.messages),
              replyForm(conversation),
            ]);
            return el("li", "", [details]);
          }),
        ),
      );
    }
    status.textContent = notice || "Signed in to Helpdesky as " + config.email + ".";
    body.replaceChildren(status, list, newConversationForm());
  }

  function load(notice) {
    request("GET", "conversations").then(
      function (result) {
        if (result.status === 401) return showAuthError();
        if (result.status !== 200)
          return showFailure("The Ticket Center could not load your conversations.");
        render(result.data.conversations, notice);
      },
      function () {
        showFailure("The Ticket Center could not reach Helpdesky.");
      },
    );
  }

  request("POST", "session").then(
    function (result) {
      if (result.status === 401) return showAuthError();
      if (result.status !== 200) return showFailure("The Ticket Center could not reach Helpdesky.");
      load();
    },
    function () {
      showFailure("The Ticket Center could not reach Helpdesky.");
    },
  );
})();
