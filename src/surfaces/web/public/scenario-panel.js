// The panel of seeded users (src/sandbox/seed.ts SCENARIOS): who each one is and what they demonstrate. Choosing one
// puts the user principal name in the message box; "Push from Okta" has the sandbox's Okta push the user again.
/* global document */

/** Fills `list` with one button per scenario; `onChoose(upn)` is called when one is chosen, `onPush(upn)` to push them. */
export function buildScenarioPanel(list, scenarios, onChoose, onPush) {
  list.replaceChildren(...scenarios.map((scenario) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'scenario';
    button.dataset.upn = scenario.userPrincipalName;
    const title = document.createElement('span');
    title.className = 'scenario-title';
    title.textContent = scenario.title;
    const upn = document.createElement('code');
    upn.className = 'scenario-upn';
    upn.textContent = scenario.userPrincipalName;
    const what = document.createElement('span');
    what.className = 'scenario-what';
    what.textContent = scenario.demonstrates;
    const verdict = document.createElement('span');
    verdict.className = 'scenario-verdict';
    // The verdict code of CONTRACT.md, as `diagnose --json` prints it.
    verdict.textContent = scenario.verdict ?? 'no verdict: a configuration question';
    button.append(title, upn, what, verdict);
    button.addEventListener('click', () => onChoose(scenario.userPrincipalName));
    const push = document.createElement('button');
    push.type = 'button';
    push.className = 'secondary scenario-push';
    push.dataset.upn = scenario.userPrincipalName;
    push.textContent = 'Push from Okta';
    push.title = `Okta pushes ${scenario.userPrincipalName} to Office 365 again (a Retry under Dashboard > Tasks)`;
    push.addEventListener('click', () => onPush(scenario.userPrincipalName, push));
    item.append(button, push);
    return item;
  }));
}
