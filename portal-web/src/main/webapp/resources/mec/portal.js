/* MEC-ConPaaS portal: small helpers, no libraries beyond what PrimeFaces brings. */
var mec = mec || {};

/* Polls re-render the map: keep the keyboard focus on the same node across an update. */
mec.focused = null;
mec.rememberFocus = function () {
  var active = document.activeElement;
  mec.focused = active && active.id ? active.id : null;
};
mec.restoreFocus = function () {
  if (mec.focused) {
    var again = document.getElementById(mec.focused);
    if (again && again !== document.activeElement) {
      again.focus({preventScroll: true});
    }
  }
};

/* Nodes on the SVG map act as buttons: Enter or Space opens their detail. */
mec.nodeKey = function (event, element) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    element.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  }
};

/* Copies a shown-once secret to the clipboard. */
mec.copy = function (id) {
  var field = document.getElementById(id);
  if (field && navigator.clipboard) {
    navigator.clipboard.writeText(field.value || field.textContent);
  } else if (field && field.select) {
    field.select();
  }
};

/* A click on a node of the dashboard map: its detail comes through the remote command. */
mec.showNode = function (element) {
  if (typeof mecShowNode === 'function') {
    mecShowNode([{name: 'node', value: element.getAttribute('data-node')}]);
  }
};

/* The service page's log viewer follows the poll while its tab is shown and "Follow" is on. */
mec.followLogs = function () {
  var follow = document.getElementById('tabs:logs:follow_input');
  var text = document.getElementById('tabs:logs:text');
  if (follow && follow.checked && text && text.offsetParent !== null && typeof mecFollowLogs === 'function') {
    mecFollowLogs();
  }
};

/* The Jobs tab of a Flink service follows the poll while it is shown, one request at a time
   (a JobManager that does not answer takes a while to say so). */
mec.jobsBusy = false;
mec.followJobs = function () {
  var list = document.getElementById('tabs:jobs:list');
  if (!mec.jobsBusy && list && list.offsetParent !== null && typeof mecPollJobs === 'function') {
    mec.jobsBusy = true;
    mecPollJobs();
  }
};
mec.jobsPolled = function () {
  mec.jobsBusy = false;
  mec.restoreFocus();
};
