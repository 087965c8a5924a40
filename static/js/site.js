// Progressive enhancement for the site chrome; the page works without it.
document.documentElement.classList.add("js");

function setUpMenuToggle() {
    const toggle = document.querySelector(".menu-toggle");
    const menu = document.getElementById("main-menu");
    if (!toggle || !menu) return;
    toggle.hidden = false;
    menu.dataset.open = "false";
    toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        menu.dataset.open = String(open);
    });
    document.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
            toggle.setAttribute("aria-expanded", "false");
            menu.dataset.open = "false";
            toggle.focus();
        }
    });
}

setUpMenuToggle();
