<?php
// A visit counter in the PHP session: the proxy keeps a client on the backend holding its session.
require __DIR__ . '/app.php';
session_start();
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
header('Content-Type: text/plain');
echo 'visits ', $_SESSION['visits'], ' ', instance(), "\n";
