// Privacy-first embeds: a provider's player loads only after the visitor asks for it.
// Without this script each placeholder is a plain link to the content, so nothing is lost.

const STORAGE_PREFIX = "knowledge.embed-consent.";

function remembered(provider) {
    try {
        return window.localStorage.getItem(STORAGE_PREFIX + provider) === "yes";
    } catch {
        return false; // Storage can be blocked; then we simply ask every time.
    }
}

function remember(provider, yes) {
    try {
        if (yes) window.localStorage.setItem(STORAGE_PREFIX + provider, "yes");
        else window.localStorage.removeItem(STORAGE_PREFIX + provider);
    } catch {
        // Nothing to do: the choice then lasts for this page view only.
    }
}

// The button's words come from the embed (data-forget-label, data-forgotten-label), in the page's language.
function forgetButton(embed) {
    const { provider, providerName: name } = embed.dataset;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "embed__forget";
    button.textContent = embed.dataset.forgetLabel || `Glöm mitt val för ${name}`;
    button.addEventListener("click", () => {
        remember(provider, false);
        button.textContent = embed.dataset.forgottenLabel || `Ditt val för ${name} är glömt. Nästa gång frågar vi igen.`;
        button.disabled = true;
    });
    return button;
}

function reveal(embed, { moveFocus = false, remembered: isRemembered = false } = {}) {
    const template = embed.querySelector("template.embed__template");
    const placeholder = embed.querySelector(".embed__placeholder");
    if (!template || !placeholder) return;
    const content = template.content.cloneNode(true);
    const frame = content.querySelector(".embed__frame");
    placeholder.replaceWith(content);
    embed.dataset.embedShown = "true";
    if (isRemembered) {
        embed.append(forgetButton(embed));
    }
    if (moveFocus && frame) frame.focus();
}

function setUp(embed) {
    const provider = embed.dataset.provider;
    if (remembered(provider)) {
        reveal(embed, { remembered: true });
        return;
    }
    const consent = embed.querySelector(".embed__consent");
    const button = embed.querySelector(".embed__show");
    const checkbox = embed.querySelector(".embed__remember-input");
    if (!consent || !button) return;
    consent.hidden = false;
    button.addEventListener("click", () => {
        const keep = Boolean(checkbox && checkbox.checked);
        if (keep) {
            remember(provider, true);
            // The visitor said yes to this provider everywhere: show its other players on this page too.
            document.querySelectorAll(`[data-embed][data-provider="${provider}"]`).forEach((other) => {
                if (other !== embed && !other.dataset.embedShown) reveal(other);
            });
        }
        reveal(embed, { moveFocus: true, remembered: keep });
    });
}

document.querySelectorAll("[data-embed]").forEach(setUp);
