<?php
require __DIR__ . '/app.php';
?>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>MEC-ConPaaS PHP sample</title>
  <link rel="stylesheet" href="style.css">
</head>
<body>
  <h1>MEC-ConPaaS PHP sample, version <?= htmlspecialchars(APP_VERSION) ?></h1>
  <p>This page was made by <strong><?= htmlspecialchars(instance()) ?></strong>.</p>
  <ul>
    <li><a href="session.php">session.php</a>: a visit counter kept in the PHP session</li>
    <li><a href="whoami.php">whoami.php</a>: the backend instance that answered</li>
    <li><a href="version.php">version.php</a> and <a href="version.txt">version.txt</a>: the code version, from PHP and as a static file</li>
  </ul>
</body>
</html>
