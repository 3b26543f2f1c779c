<?php
// Shared by the pages: the application's version and the instance that runs this request.
const APP_VERSION = '1';

function instance(): string
{
    return getenv('MEC_INSTANCE') ?: gethostname();
}
