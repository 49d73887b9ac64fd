package dev.loraguide.export;

/**
 * The {@link ExportOptions} of one export with every default filled in.
 *
 * @param model the base model file or id
 * @param clipL CLIP-L file
 * @param t5xxl T5-XXL file
 * @param ae autoencoder file
 * @param datasetDir folder of images and captions
 * @param outputDir where the LoRA is written
 * @param outputName the LoRA's name, a slug
 * @param resolution training resolution
 * @param batchSize images per step
 * @param captionPrefix whether the trigger goes before every caption
 * @param json whether ai-toolkit's job is written as JSON rather than YAML
 */
record ExportSettings(String model, String clipL, String t5xxl, String ae, String datasetDir, String outputDir,
		String outputName, int resolution, int batchSize, boolean captionPrefix, boolean json) {
}
