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

// Team mode: a submission is judged by a worker. The page asks /api/submissions/ID for its
// state (queued, running, done) until it is done, then shows the verdict and the tests.
// Everything shown is set as text (textContent), never parsed as HTML.
function mlJobLabels() {
  var node = document.getElementById("job-labels");
  return node ? JSON.parse(node.textContent) : {};
}

function mlElement(tag, text, className) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  if (className) { node.className = className; }
  return node;
}

function mlShowVerdict(section, data, labels) {
  section.textContent = "";
  section.dataset.state = "done";
  var tests = data.tests || [];
  var examples = tests.filter(function (t) { return t.kind === "example"; });
  var hidden = tests.filter(function (t) { return t.kind === "hidden"; })[0];
  var passed = examples.filter(function (t) { return t.verdict === "Accepted"; }).length;
  var total = examples.length;
  if (hidden) { passed += hidden.passed; total += hidden.total; }
  var heading = mlElement("h2", labels.verdict + ": ");
  var verdict = mlElement("span", data.verdict, data.verdict === "Accepted" ? "verdict-accepted" : "verdict-bad");
  verdict.id = "verdict";
  heading.appendChild(verdict);
  heading.appendChild(mlElement("span", " (" + passed + "/" + total + " · " + Number(data.seconds || 0).toFixed(3) + " s)", "meta"));
  section.appendChild(heading);
  if (data.error) {  // why the judge could not judge it (team mode), in the reader's language
    var message = mlElement("pre", data.error_text || data.error);
    message.id = "judge-message";
    section.appendChild(message);
  }
  var table = mlElement("table");
  table.id = "test-results";
  var head = mlElement("thead");
  var headRow = mlElement("tr");
  ["#", labels.test_kind, labels.verdict, "s", labels.details].forEach(function (name) {
    var th = mlElement("th", name);
    th.scope = "col";
    headRow.appendChild(th);
  });
  head.appendChild(headRow);
  table.appendChild(head);
  var body = mlElement("tbody");
  examples.forEach(function (test) {
    var row = mlElement("tr", null, "test example");
    row.dataset.verdict = test.verdict;
    row.appendChild(mlElement("td", test.index));
    row.appendChild(mlElement("td", labels.example));
    row.appendChild(mlElement("td", test.verdict));
    row.appendChild(mlElement("td", Number(test.seconds || 0).toFixed(4)));
    var details = mlElement("td");
    if (test.verdict !== "Accepted") {
      var box = mlElement("details");
      box.open = true;
      box.appendChild(mlElement("summary", labels.details));
      [["input", test.input], ["expected", test.expected], ["got", test.got]].forEach(function (pair) {
        var line = mlElement("div", labels[pair[0]] + ": ");
        line.appendChild(mlElement("code", JSON.stringify(pair[1])));
        box.appendChild(line);
      });
      if (test.detail) { box.appendChild(mlElement("div", test.detail_text || test.detail)); }
      if (test.traceback || test.error) { box.appendChild(mlElement("pre", test.traceback_text || test.traceback || test.error_text || test.error)); }
      details.appendChild(box);
    }
    row.appendChild(details);
    body.appendChild(row);
  });
  if (hidden) {
    var summary = mlElement("tr", null, "hidden-summary");
    summary.dataset.passed = hidden.passed;
    summary.dataset.total = hidden.total;
    summary.appendChild(mlElement("td", (examples.length + 1) + "–" + (examples.length + hidden.total)));
    summary.appendChild(mlElement("td", labels.hidden));
    summary.appendChild(mlElement("td", hidden.passed + "/" + hidden.total));
    summary.appendChild(mlElement("td", ""));
    summary.appendChild(mlElement("td", hidden.first_failure || ""));
    body.appendChild(summary);
  }
  table.appendChild(body);
  section.appendChild(table);
}

function mlWatchSubmission(section) {
  var labels = mlJobLabels();
  var id = section.dataset.submission;
  var delay = 250;
  var failures = 0;
  function state(name) {
    section.dataset.state = name;
    var heading = document.getElementById("job-state") || section.appendChild(mlElement("h2"));
    heading.id = "job-state";
    heading.textContent = labels[name] || name;
  }
  function poll() {
    fetch("/api/submissions/" + encodeURIComponent(id), {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (data) {
        failures = 0;
        if (data.state === "done") { mlShowVerdict(section, data, labels); return; }
        state(data.state === "running" ? "running" : "queued");
        delay = Math.min(1000, delay * 1.5);
        setTimeout(poll, delay);
      })
      .catch(function () {
        failures += 1;
        if (failures > 5) { state("lost"); return; }
        setTimeout(poll, 1000);
      });
  }
  poll();
}

function mlQueueSubmission(form, problem, source) {
  var old = document.getElementById("verdict-section");
  if (old) { old.remove(); }
  var section = mlElement("section");
  section.id = "verdict-section";
  section.setAttribute("aria-live", "polite");
  form.insertAdjacentElement("afterend", section);
  var labels = mlJobLabels();
  var heading = mlElement("h2", labels.queued);
  heading.id = "job-state";
  section.appendChild(heading);
  section.dataset.state = "queued";
  fetch("/api/submissions", {
    method: "POST",
    credentials: "same-origin",
    headers: {"Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": form.elements.csrf_token.value},
    body: JSON.stringify({problem: problem, source: source})
  })
    .then(function (response) {
      return response.json().then(function (data) { return response.ok ? data : Promise.reject(data.detail || response.status); });
    })
    .then(function (data) { section.dataset.submission = data.id; mlWatchSubmission(section); })
    .catch(function (error) {
      section.dataset.state = "error";
      heading.textContent = typeof error === "string" ? error : labels.lost;
    });
}

document.addEventListener("DOMContentLoaded", function () {
  var pending = document.querySelector("#verdict-section[data-submission]");
  if (pending) { mlWatchSubmission(pending); }
});
