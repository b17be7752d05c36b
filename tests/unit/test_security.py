import pytest

from jobnet.web.platform.security import is_local_path


@pytest.mark.parametrize("target", ["/", "/min-side", "/was?x=1", "/a/b#c"])
def test_local_paths_are_accepted(target: str) -> None:
    assert is_local_path(target)


@pytest.mark.parametrize(
    "target",
    [
        "",
        None,
        "//evil.example",
        "https://evil.example/",
        "evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "/\nLocation: x",
        "http:/evil",
    ],
)
def test_anything_else_is_refused(target: str | None) -> None:
    assert not is_local_path(target)
