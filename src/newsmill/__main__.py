from newsmill.cli import run

run()
