// Drag and drop onto the file field: only an enhancement, the form works without it.
document.addEventListener("DOMContentLoaded", function () {
  var zone = document.getElementById("drop");
  var input = document.getElementById("file");
  if (!zone || !input) return;
  ["dragenter", "dragover"].forEach(function (k) {
    zone.addEventListener(k, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (k) {
    zone.addEventListener(k, function (e) { e.preventDefault(); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) {
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      input.form.submit();
    }
  });
});
