package io.orderflow.fulfillment.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One PDF being written: pages, text in an embedded Unicode font (DejaVu Sans Condensed, regular and bold, subset into
 * the file, so names in any Latin, Greek or Cyrillic script print as written), lines and boxes. Coordinates are PDF
 * points from the bottom left of the page. Text that the font cannot show (an emoji in a gift message) prints as "?"
 * instead of failing the document. The file is deterministic: the same content gives the same bytes.
 */
public final class PdfCanvas implements AutoCloseable {

  public static final float MM = 72f / 25.4f;

  private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";
  private static final byte[] REGULAR = fontFile("DejaVuSansCondensed.ttf");
  private static final byte[] BOLD = fontFile("DejaVuSansCondensed-Bold.ttf");

  public enum Style { REGULAR, BOLD }

  private final PDDocument document = new PDDocument();
  private final PDType0Font regular;
  private final PDType0Font bold;
  private final Map<Integer, Boolean> printable = new HashMap<>();
  private PDPageContentStream content;
  private PDPage page;

  public PdfCanvas(String title, String subject) {
    try {
      regular = PDType0Font.load(document, new java.io.ByteArrayInputStream(REGULAR));
      bold = PDType0Font.load(document, new java.io.ByteArrayInputStream(BOLD));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load the embedded fonts", e);
    }
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setSubject(subject);
    info.setCreator("order-fulfillment");
  }

  public PDPage newPage(PDRectangle size) {
    closeContent();
    page = new PDPage(size);
    document.addPage(page);
    try {
      content = new PDPageContentStream(document, page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return page;
  }

  public PDPage page() {
    return page;
  }

  public int pageCount() {
    return document.getNumberOfPages();
  }

  /** Writes on an earlier page again (e.g. "page 1 of 3" once the number of pages is known). */
  public void reopen(int pageIndex) {
    closeContent();
    page = document.getPage(pageIndex);
    try {
      content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- text ------------------------------------------------------------------------------------------------------

  /** The text as it will print: composed (NFC), line breaks and tabs as spaces, characters without a glyph as "?". */
  public String printable(String text) {
    if (text == null) {
      return "";
    }
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(normalized.length());
    normalized.codePoints().forEach(cp -> {
      if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
        out.append(' ');
      } else if (printable.computeIfAbsent(cp, this::hasGlyph)) {
        out.appendCodePoint(cp);
      } else {
        out.append('?');
      }
    });
    return out.toString().replaceAll(" {2,}", " ").strip();
  }

  private boolean hasGlyph(int codePoint) {
    String s = new String(Character.toChars(codePoint));
    try {
      regular.encode(s);
      bold.encode(s);
      return true;
    } catch (IllegalArgumentException | IOException noGlyph) {
      return false;
    }
  }

  public float width(Style style, float size, String text) {
    try {
      return font(style).getStringWidth(printable(text)) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void text(Style style, float size, float x, float y, String text) {
    String s = printable(text);
    if (s.isEmpty()) {
      return;
    }
    try {
      content.beginText();
      content.setFont(font(style), size);
      content.newLineAtOffset(x, y);
      content.showText(s);
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void textRight(Style style, float size, float right, float y, String text) {
    text(style, size, right - width(style, size, text), y, text);
  }

  public void textCentered(Style style, float size, float centre, float y, String text) {
    text(style, size, centre - width(style, size, text) / 2, y, text);
  }

  /** The largest size from {@code max} down to {@code min} at which the text fits the width on one line. */
  public float fittingSize(Style style, String text, float maxWidth, float max, float min) {
    float size = max;
    while (size > min && width(style, size, text) > maxWidth) {
      size -= 0.5f;
    }
    return Math.max(size, min);
  }

  /**
   * Breaks the text into lines of at most {@code maxWidth} (at spaces, inside a word only when the word alone is too
   * wide). More than {@code maxLines} lines are cut, the last one ending in "…".
   */
  public List<String> wrap(Style style, float size, String text, float maxWidth, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : printable(text).split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(style, size, candidate) <= maxWidth) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      // A word wider than the line is broken where it must.
      String rest = word;
      while (width(style, size, rest) > maxWidth) {
        int cut = rest.length() - 1;
        while (cut > 1 && width(style, size, rest.substring(0, cut)) > maxWidth) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    if (lines.size() > maxLines) {
      List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
      String last = cut.get(maxLines - 1);
      while (!last.isEmpty() && width(style, size, last + "…") > maxWidth) {
        last = last.substring(0, last.length() - 1);
      }
      cut.set(maxLines - 1, last.stripTrailing() + "…");
      return cut;
    }
    return lines;
  }

  /** Writes wrapped text with its first baseline at {@code y}; returns the baseline after the last line. */
  public float paragraph(Style style, float size, float leading, float x, float y, float maxWidth, String text, int maxLines) {
    float baseline = y;
    for (String line : wrap(style, size, text, maxWidth, maxLines)) {
      text(style, size, x, baseline, line);
      baseline -= leading;
    }
    return baseline;
  }

  // ---- graphics --------------------------------------------------------------------------------------------------

  public void line(float x1, float y1, float x2, float y2, float thickness) {
    try {
      content.setLineWidth(thickness);
      content.moveTo(x1, y1);
      content.lineTo(x2, y2);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void box(float x, float y, float w, float h, float thickness) {
    try {
      content.setLineWidth(thickness);
      content.addRect(x, y, w, h);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void fill(float x, float y, float w, float h, float gray) {
    try {
      content.setNonStrokingColor(gray);
      content.addRect(x, y, w, h);
      content.fill();
      content.setNonStrokingColor(0f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code text} as a Code 128 barcode (encoded by ZXing, drawn as vector bars), centred on {@code centre} between
   * {@code bottom} and {@code bottom + height}, as wide as fits {@code maxWidth} with the quiet zone of ten modules
   * Code 128 asks for on each side (a module is at most 2.5 pt).
   *
   * @throws IllegalArgumentException when the text cannot be encoded as Code 128
   */
  public void code128(String text, float centre, float bottom, float maxWidth, float height) {
    BitMatrix modules;
    try {
      modules = new Code128Writer().encode(text, BarcodeFormat.CODE_128, 0, 1,
          Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.CODE128_COMPACT, true));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' cannot be printed as Code 128", e);
    }
    int count = modules.getWidth();
    float module = Math.min(maxWidth / (count + 2 * 10), 2.5f);
    float x0 = centre - count * module / 2;
    int run = 0;
    for (int i = 0; i <= count; i++) {
      if (i < count && modules.get(i, 0)) {
        run++;
      } else if (run > 0) {
        fill(x0 + (i - run) * module, bottom, run * module, height, 0f);
        run = 0;
      }
    }
  }

  /** A country's English name in capitals for an address block ({@code ES} → {@code SPAIN}); the code if unknown. */
  public static String countryName(String isoCode) {
    if (isoCode == null || isoCode.isBlank()) {
      return "";
    }
    String name = Locale.of("", isoCode).getDisplayCountry(Locale.ENGLISH);
    return (name.isBlank() || name.equalsIgnoreCase(isoCode) ? isoCode : name).toUpperCase(Locale.ROOT);
  }

  /** Text in white (on a filled box); the colour goes back to black afterwards. */
  public void whiteText(Style style, float size, float centre, float y, String text) {
    try {
      content.setNonStrokingColor(1f);
      textCentered(style, size, centre, y, text);
      content.setNonStrokingColor(0f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- output ----------------------------------------------------------------------------------------------------

  /**
   * The finished file. Its /ID is derived from {@code identity} (not from the clock), and no creation date is written,
   * so the same document comes out byte for byte the same.
   */
  public byte[] toBytes(String identity) {
    closeContent();
    try {
      byte[] id = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      byte[] first = java.util.Arrays.copyOf(id, 16);
      COSArray ids = new COSArray();
      ids.add(new COSString(first));
      ids.add(new COSString(first));
      document.getDocument().setDocumentID(ids);
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      content = null;
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeContent() {
    if (content != null) {
      try {
        content.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      content = null;
    }
  }

  private PDType0Font font(Style style) {
    return style == Style.BOLD ? bold : regular;
  }

  private static byte[] fontFile(String name) {
    try (InputStream in = PdfCanvas.class.getResourceAsStream(FONT_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("Font " + FONT_DIR + name + " is not on the classpath (jasperreports-fonts)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
