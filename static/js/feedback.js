// Sends the feedback widget's answers in place; without this script the forms post and redirect.
// The fallback error comes from the widget (data-feedback-error), in the page's language.
const ERROR_FALLBACK = "Det gick inte att skicka svaret. Försök igen om en stund.";

async function post(form, submitter, fallback = ERROR_FALLBACK) {
    const data = new URLSearchParams();
    for (const [name, value] of new FormData(form)) data.append(name, value);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    const response = await fetch(form.action, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
    });
    let body = {};
    try {
        body = await response.json();
    } catch {
        // A proxy error page is not JSON; the fallback message covers it.
    }
    if (!response.ok) throw new Error(body.error || fallback);
    return body;
}

function say(widget, text, isError = false) {
    const status = widget.querySelector("[data-feedback-status]");
    const paragraph = document.createElement("p");
    paragraph.className = isError ? "feedback__error" : "feedback__thanks";
    paragraph.textContent = text;
    status.replaceChildren(paragraph);
}

function setBusy(form, busy) {
    for (const button of form.querySelectorAll("button")) button.disabled = busy;
}

function enhanceComment(widget, form) {
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        setBusy(form, true);
        try {
            const body = await post(form, null, widget.dataset.feedbackError);
            form.remove();
            say(widget, body.message);
            widget.querySelector("#feedback-heading").focus();
        } catch (error) {
            say(widget, error.message, true);
            setBusy(form, false);
            form.querySelector("textarea").focus();
        }
    });
}

function enhance(widget) {
    const answer = widget.querySelector("[data-feedback-answer]");
    const existingComment = widget.querySelector("[data-feedback-comment]");
    if (existingComment) enhanceComment(widget, existingComment);
    if (!answer) return;
    answer.addEventListener("submit", async (event) => {
        event.preventDefault();
        setBusy(answer, true);
        try {
            const body = await post(answer, event.submitter, widget.dataset.feedbackError);
            answer.remove();
            say(widget, body.message);
            const template = widget.querySelector("[data-feedback-comment-template]");
            if (body.comment && template) {
                const comment = template.content.firstElementChild.cloneNode(true);
                comment.querySelector("input[name=token]").value = body.token;
                template.replaceWith(comment);
                enhanceComment(widget, comment);
                comment.querySelector("textarea").focus();
            } else {
                // The buttons are gone, so keep focus in the widget rather than losing it to the page.
                widget.querySelector("#feedback-heading").focus();
            }
        } catch (error) {
            say(widget, error.message, true);
            setBusy(answer, false);
        }
    });
}

for (const widget of document.querySelectorAll("[data-feedback]")) enhance(widget);
