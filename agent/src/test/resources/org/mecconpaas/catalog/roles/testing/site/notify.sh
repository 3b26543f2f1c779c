#!/bin/sh
cp agents.json notified-agents.json
