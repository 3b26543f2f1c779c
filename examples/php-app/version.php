<?php
require __DIR__ . '/app.php';
header('Content-Type: text/plain');
echo 'version ', APP_VERSION, ' ', instance(), "\n";
