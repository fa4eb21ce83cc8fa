// Keyboard use: Enter submits an answer (Shift+Enter adds a line); keys 1-4 rate a card.
document.addEventListener("keydown", function (event) {
  var target = event.target;
  if (target && target.hasAttribute && target.hasAttribute("data-enter-submits")) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      target.form.requestSubmit();
    }
    return;
  }
  var typing = target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT");
  if (typing || event.altKey || event.ctrlKey || event.metaKey) { return; }
  var button = document.querySelector('button[data-key="' + event.key + '"]');
  if (button) {
    event.preventDefault();
    button.click();
  }
});
