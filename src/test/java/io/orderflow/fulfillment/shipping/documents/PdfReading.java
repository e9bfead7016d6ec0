package io.orderflow.fulfillment.shipping.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads generated PDFs back as a person or a scanner would: the text, the page sizes, the barcode on the paper. */
public final class PdfReading {

  private PdfReading() {}

  public static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<PDRectangle> pageSizes(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return java.util.stream.StreamSupport.stream(document.getPages().spliterator(), false)
          .map(p -> p.getMediaBox()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first page printed at {@code dpi} in grey, as a label printer or a scan would give it. */
  public static BufferedImage render(byte[] pdf, int dpi) {
    return render(pdf, dpi, 0);
  }

  public static BufferedImage render(byte[] pdf, int dpi, int pageIndex) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFRenderer(document).renderImageWithDPI(pageIndex, dpi, ImageType.GRAY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Code 128 barcodes ZXing finds on the image (try harder: the whole page is searched). */
  public static Result decodeCode128(BufferedImage image) throws NotFoundException {
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128),
        DecodeHintType.TRY_HARDER, Boolean.TRUE));
  }

  /** Keeps a rendering under target/ to look at when a layout test fails. */
  public static void keep(BufferedImage image, String name) {
    try {
      Path dir = Path.of("target", "shipping-documents");
      Files.createDirectories(dir);
      ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
