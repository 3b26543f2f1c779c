<?php
require __DIR__ . '/app.php';
header('Content-Type: text/plain');
echo instance(), "\n";
