"""``python -m course.scoring``: score one request, or serve (``--serve``); see _service.py."""

from course.scoring._service import main

if __name__ == "__main__":  # not when a doctest run imports this file
    main()
