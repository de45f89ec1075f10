"""The Qt window shell of AfterDesk. It reads and writes only through `app.services`."""
